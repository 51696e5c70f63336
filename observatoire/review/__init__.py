"""The steering committee's monthly review: its data, "faits marquants" and frozen months."""
