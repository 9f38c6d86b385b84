"""Components the Rasa server loads by module path (configured in ``endpoints.yml``).

Importing the package (which Rasa does to load the tracker store) also installs
:mod:`addons.speedups`, and :mod:`bot.logmask` (personal data masked in every log record).
"""

from addons.speedups import install as _install_speedups
from bot.logmask import install as _install_logmask

_install_logmask()
_install_speedups()
