"""Case-category classifier: corpus, features, training, evaluation, suggestions with reasons."""
