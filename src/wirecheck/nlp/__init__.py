"""nlp: spaCy loading, sentences, entities and aliases, times, numbers, places.

``load_pipeline(name) -> NLP`` loads (once per process) a spaCy pipeline; ``NLP.process(article)``
gives the internal :class:`NlpDoc` that ``extract`` reads.
"""

from wirecheck.nlp.pipeline import NLP, NlpDoc, load_pipeline

__all__ = ["NLP", "NlpDoc", "load_pipeline"]
