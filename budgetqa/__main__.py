"""python -m budgetqa …: the console command without installing the project."""
import sys

from budgetqa.cli import main

sys.exit(main())
