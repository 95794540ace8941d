"""The composition of a WSV: one mandated afgevaardigde per beroepsgroep, appointed, replaced, ended."""
