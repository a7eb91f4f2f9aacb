"""The generator's text material: templates a marketer would write, with ``{slots}`` to fill."""
