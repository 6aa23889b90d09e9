"""The widgets of the exam screen, each named for what the candidate sees."""
