"""Export: PNG, PDF, SVG, presets, the email kit and bundles."""
