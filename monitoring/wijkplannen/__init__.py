"""The wijkplan: a wijkscan (CBS kerncijfers and the portal's own figures), priorities, goals and
actions, vastgesteld by a besluit in the WSV and evaluated yearly."""
