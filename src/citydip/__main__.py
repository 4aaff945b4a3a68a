from citydip.cli import run

run()
