# The legacy project's image (python:3.7-slim), for machines without the old
# interpreters.  Its default command is the production interface server:
# python -m legacyproj.serve (daphne with legacyproj's limits), which needs
# SECRET_KEY and REDIS_URL, and runworker processes beside it; see
# docker-compose.yml, which runs the whole Redis shape.  It runs as an
# unprivileged user and never the debug server.  Docker cannot run on the
# project's own build machines: chatapp/tests/test_deployment_files.py reads
# this file instead.
FROM python:3.7-slim

ENV PYTHONUNBUFFERED=1 \
    DEBUG=0 \
    DATABASE_URL=sqlite:////data/db.sqlite3

WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt \
    && useradd --system --uid 10001 --home-dir /app app \
    && mkdir /data && chown app /data
COPY . .
USER app

EXPOSE 8000
# In a container daphne listens on every interface of the container; publish
# the port on the host's loopback (docker run -p 127.0.0.1:8000:8000).
CMD ["python", "-m", "legacyproj.serve", "-b", "0.0.0.0", "-p", "8000", "legacyproj.asgi:channel_layer"]
