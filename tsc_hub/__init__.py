"""tsc-hub: the platform of the CBD technical and scientific cooperation mechanism."""
