"""The hostile-file corpus of bench/hostile.py: generators by kind (sources, bombs, misc) over
the writers and the case model; the run in run.py."""
