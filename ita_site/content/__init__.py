"""Content in, typed Project out: reading files, the model, framework data, findings and derived facts."""
