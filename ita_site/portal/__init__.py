"""A portal over many agencies: their published content read side by side, one view of them all."""
