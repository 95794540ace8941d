"""The praktijkbezoek: plan it, invite the practice, write the report and share the terugkoppeling."""
