"""The home page: the union's coverage card and the to-do card, at the top of the layers.

The to-do lines come from each app through `gonghui.core.registry`, never by importing the apps.
"""
