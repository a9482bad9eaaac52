"""UK GDPR screens: subject access export, erasure, and the retention and consent reviews."""
