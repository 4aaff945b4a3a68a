"""The web face: a JSON API under /api and server-rendered pages over ``citydip.api``.

``create_app(db, token)`` builds the FastAPI app (``web.app``); ``citydip serve`` runs it on
uvicorn. Routes open the store, call one ``citydip.api`` function and choose a renderer
(JSON, CSV or a Jinja2 page); they hold no logic of their own.
"""
