"""The `budgetqa` console command. It sits above every stage, like app.py, so it may reach them all."""
