"""Reading English news text: place mentions, distance figures and distance claims."""
