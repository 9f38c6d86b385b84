"""Components the Rasa server loads by module path (configured in ``endpoints.yml``).

Importing the package (which Rasa does to load the tracker store) also installs
:mod:`addons.speedups`.
"""

from addons.speedups import install as _install_speedups

_install_speedups()
