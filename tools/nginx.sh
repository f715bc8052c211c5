#!/usr/bin/env bash
# Serves a release build with nginx, in the foreground, as a static host would:
# every prerendered page at its pretty URL (`/faq` → `faq/index.html`), precompressed
# brotli/gzip files, gzip on the fly for the rest, long caching for hashed assets.
#   tools/nginx.sh DIST_DIR PORT [PUBLIC_URL] [CONTENT_DIR]
# PUBLIC_URL is the path the app is deployed under (default "/"). CONTENT_DIR, if
# given, is served at PUBLIC_URL/content/ instead of the build's own content.
# HOST_STYLE picks how missing paths are answered, as the hosts the README names do:
#   nginx  (default, the shipped config) 404.html with status 404; content stays 404
#   spa    every missing path, content included, gets index.html with status 200
#          (Netlify's `/* /index.html 200`, a CDN's error-document rewrite)
#   pages  every missing path, content included, gets 404.html with status 404
#          (GitHub Pages)
set -euo pipefail

dist=$(cd "$1" && pwd)
port=$2
public_url=${3:-/}
content=${4:-}
case "$public_url" in */) ;; *) public_url="$public_url/" ;; esac

run=$(mktemp -d "${TMPDIR:-/tmp}/clinic-column-nginx.XXXXXX")
trap 'rm -rf "$run"' EXIT
mkdir -p "$run/tmp"

brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
load_brotli=""
brotli_on=""
if [ -f "$brotli_module" ]; then
  load_brotli="load_module $brotli_module;"
  brotli_on="brotli_static on;"
fi

style=${HOST_STYLE:-nginx}
case "$style" in
  nginx) page_missing="=404"; content_missing="=404"; error_page="error_page 404 ${public_url}404.html;" ;;
  spa)   page_missing="${public_url}index.html"; content_missing="${public_url}index.html"; error_page="" ;;
  pages) page_missing="=404"; content_missing="=404"; error_page="error_page 404 ${public_url}404.html;" ;;
  *) echo "HOST_STYLE must be nginx, spa or pages" >&2; exit 2 ;;
esac
content_error_page=""
[ "$style" = pages ] && content_error_page="$error_page"

if [ -n "$content" ]; then
  content=$(cd "$content" && pwd)
else
  content="$dist/content"
fi

cat > "$run/nginx.conf" <<CONF
$load_brotli
worker_processes 1;
master_process off;
daemon off;
pid $run/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path $run/tmp;
  proxy_temp_path $run/tmp;
  fastcgi_temp_path $run/tmp;
  uwsgi_temp_path $run/tmp;
  scgi_temp_path $run/tmp;
  sendfile on;
  gzip on;
  gzip_static on;
  gzip_vary on;
  gzip_types application/javascript application/json application/wasm text/css image/svg+xml;
  $brotli_on
  server {
    listen 127.0.0.1:$port;
    server_name localhost;
    add_header X-Content-Type-Options nosniff always;
    add_header Referrer-Policy strict-origin-when-cross-origin always;
    location ~* \.(wasm|js|css)\$ {
      root $dist;
      rewrite ^${public_url}(.*)\$ /\$1 break;
      add_header Cache-Control "public, max-age=31536000, immutable";
      add_header X-Content-Type-Options nosniff always;
      try_files \$uri =404;
    }
    location ${public_url}content/ {
      alias $content/;
      add_header Cache-Control "no-cache";
      add_header X-Content-Type-Options nosniff always;
      try_files \$uri $content_missing;
      $content_error_page
    }
    location = ${public_url}404.html {
      alias $dist/404.html;
      add_header Cache-Control "no-cache";
      add_header X-Content-Type-Options nosniff always;
    }
    location ${public_url} {
      alias $dist/;
      add_header Cache-Control "no-cache";
      add_header X-Content-Type-Options nosniff always;
      try_files \$uri \$uri/index.html $page_missing;
      $error_page
    }
  }
}
CONF
nginx -p "$run" -c "$run/nginx.conf" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$run"' EXIT INT TERM
wait $pid
