import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portaal.settings")
application = get_wsgi_application()

from zio_portal.checks import eis_geheime_sleutel  # noqa: E402  (after Django is set up)

eis_geheime_sleutel()
