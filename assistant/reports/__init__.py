"""Reports over the registry: movement and statistics frames (movement.py), press releases, practice reviews
and statistical reports (press.py, review.py, stats.py)."""
