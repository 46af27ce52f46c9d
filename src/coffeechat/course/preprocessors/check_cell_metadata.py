"""Autograde preprocessor: nbgrader's ``CheckCellMetadata``, with the schema compiled once.

nbgrader checks each cell's grader metadata with :func:`jsonschema.validate`,
which first checks the *schema itself* against JSON Schema's meta-schema, on
every call: for Assignment 1 that is about 0.4 s of the grading process's
time per submission, spent proving the same schema sound 170 times. Here the
schema is checked once and its compiled validator kept; every cell is held
to exactly the same rules and fails with the same error.
"""

from __future__ import annotations

import traceback
from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from nbgrader.nbgraderformat import MetadataValidator, ValidationError
from nbgrader.nbgraderformat.common import BaseMetadataValidator
from nbgrader.preprocessors import CheckCellMetadata as _NbgraderCheckCellMetadata

__all__ = ["CheckCellMetadata", "FastMetadataValidator"]


#: Compiled validators by nbgrader schema version (each version has one schema file).
_COMPILED: dict[int, Validator] = {}


class _CompiledSchema(BaseMetadataValidator):
    """The schema step of nbgrader's ``validate_cell``, with a validator kept."""

    def validate_cell(self, cell: Any) -> None:
        meta = cell.metadata.get("nbgrader")
        if not isinstance(meta, dict) or meta.get("schema_version", 0) != self.schema_version:
            super().validate_cell(cell)  # nbgrader's own checks and messages
            return
        compiled = _COMPILED.get(self.schema_version)
        if compiled is None:
            cls = validator_for(self.schema)
            cls.check_schema(self.schema)  # what jsonschema.validate does on every call
            compiled = _COMPILED[self.schema_version] = cls(self.schema)
        error = best_match(compiled.iter_errors(meta))
        if error is not None:
            raise error


class FastMetadataValidator(MetadataValidator, _CompiledSchema):
    """nbgrader's current ``MetadataValidator``, its schema compiled once.

    In the method order ``_CompiledSchema`` stands between nbgrader's
    validator and its base, so nbgrader's own checks (cell types, points,
    ids) still run and only the schema step is replaced.

    >>> [c.__name__ for c in FastMetadataValidator.__mro__[:4]]
    ['FastMetadataValidator', 'MetadataValidatorV3', '_CompiledSchema', 'BaseMetadataValidator']
    """


class CheckCellMetadata(_NbgraderCheckCellMetadata):
    """nbgrader's ``CheckCellMetadata`` with :class:`FastMetadataValidator`."""

    def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
        try:
            FastMetadataValidator().validate_nb(nb)
        except ValidationError:
            self.log.error(traceback.format_exc())
            msg = "Notebook failed to validate; the nbgrader metadata may be corrupted."
            self.log.error(msg)
            raise ValidationError(msg) from None
        return nb, resources
