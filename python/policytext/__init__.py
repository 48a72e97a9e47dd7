"""policytext: what privacy policies say about sharing, retention and advertising.

The extension module ``policytext._core`` is private; everything public is
re-exported here.
"""

from ._core import Error, __version__

__all__ = ["Error", "__version__"]
