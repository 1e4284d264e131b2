# The same steps as bin/run, for machines without Python 3.7.
# (Docker cannot run on the project's own build machines; this file is for
# users' machines.)  docker build -t legacyproj . && docker run -p 8000:8000 legacyproj
FROM python:3.7-slim

ENV PYTHONUNBUFFERED=1 \
    DEBUG=1 \
    ALLOWED_HOSTS=localhost,127.0.0.1,[::1]

WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY . .

EXPOSE 8000
# Inside a container the server must listen on all interfaces to be reached
# through the published port; outside Docker it stays on 127.0.0.1.
CMD ["sh", "-c", "python manage.py migrate --noinput -v0 && python manage.py create_demo_users && exec python manage.py runserver 0.0.0.0:8000"]
