"""The front door: the interview's questions, the client's request-for-information workbook and the commented
requirements file both write. Core code: no printing, no typer or rich (the commands render)."""
