"""The exam's screens: the main screen, its modal forms, help and the end."""
