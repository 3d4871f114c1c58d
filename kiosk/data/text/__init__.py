"""Russian text as shown: display typography, month names, technical fixes of seed texts."""
