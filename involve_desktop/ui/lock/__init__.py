"""The idle lock: noticing input, covering every window, and the lock screen."""
