"""The Rota area: week grid of sites × days, shift panel, cover suggestions and gaps."""
