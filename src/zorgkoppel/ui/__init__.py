"""The Qt desktop interface: the only layer that imports Qt. It calls core services only.

Importing it first works around a bug of the Qt binding (binding_workarounds.py), so every
way into the interface (the program, tests, scripts) is protected.
"""

from zorgkoppel.ui.binding_workarounds import protect_none

protect_none()
