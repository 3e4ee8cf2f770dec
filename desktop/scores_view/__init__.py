"""The Scores view: SINS and Mirels as compact forms (issue 15)."""
