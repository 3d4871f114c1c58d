"""The kiosk on its machine: memory, logs, crashes, Qt messages, lockdown, window, network, paths."""
