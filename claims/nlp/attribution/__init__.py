"""The trained attribution tagger: SOURCE / CUE / CONTENT spans (config, training data, loading)."""
