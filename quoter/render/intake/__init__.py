"""The front door: the first sales call's questions (:mod:`.interview`), the client's request-for-information
workbook (:mod:`.form`, written by :mod:`.layout`, read by :mod:`.reading`) and the commented requirements file
both end in (:mod:`.yamlwriter`). It lives with the renderers because it words every field in English and
Persian; it is core code all the same: no printing, no typer or rich (``quoter init`` and ``quoter intake``
ask and render)."""

from quoter.render.intake.form import load_form, read_form, write_form
from quoter.render.intake.interview import Interview, defaults
from quoter.render.intake.yamlwriter import requirements_yaml

__all__ = ["Interview", "defaults", "load_form", "read_form", "requirements_yaml", "write_form"]
