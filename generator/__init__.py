"""Generator situs struktur organisasi Setjen KPU: YAML di content/ menjadi halaman MkDocs."""

from generator.errors import ContentError, GeneratorError, Problem, Severity

__all__ = ["ContentError", "GeneratorError", "Problem", "Severity"]
