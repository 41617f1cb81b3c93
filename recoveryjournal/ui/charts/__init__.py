"""Qt homes for charts drawn by services/charts.py."""
