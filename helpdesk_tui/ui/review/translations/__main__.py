"""`python -m helpdesk_tui.ui.review.translations`: see the package doc."""

import sys

from helpdesk_tui.ui.review.translations import main

sys.exit(main())
