"""The care app's forms, one module per section; list filters are FilterSets (gonghui.care.filters)."""
