# Build:  docker build -t zout-basisondersteuning .
# Run:    see docker-compose.yml and docs/operations.md.

# ---------------------------------------------------------------------------------------------
# Build stage. The .NET 10 SDK image is Ubuntu 24.04 (Microsoft ships no Debian images for .NET 10).
# Node.js and npm come from the distribution's apt: the web project's build runs `npm ci` to
# install the NL Design System CSS (package.json / package-lock.json), which is never committed.
# ---------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build

RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src

# Restore first, so the package layer is cached while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Zout.Basisondersteuning.Web/Zout.Basisondersteuning.Web.csproj src/Zout.Basisondersteuning.Web/
RUN dotnet restore src/Zout.Basisondersteuning.Web/Zout.Basisondersteuning.Web.csproj

# The same npm install the build would run, as its own cached layer; the stamp tells the build
# (target NpmInstall in the csproj) that node_modules is up to date.
COPY src/Zout.Basisondersteuning.Web/package.json src/Zout.Basisondersteuning.Web/package-lock.json src/Zout.Basisondersteuning.Web/
RUN cd src/Zout.Basisondersteuning.Web \
    && npm ci --no-audit --no-fund --loglevel=error \
    && touch node_modules/.install-stamp

COPY src/ src/
RUN dotnet publish src/Zout.Basisondersteuning.Web/Zout.Basisondersteuning.Web.csproj \
        -c Release -o /app --no-restore -p:UseAppHost=false

# ---------------------------------------------------------------------------------------------
# Runtime stage: Debian 12 with the ASP.NET Core runtime copied from Microsoft's image.
# Why not mcr.microsoft.com/dotnet/aspnet:10.0 itself: it is Ubuntu 24.04, whose `chromium`
# package is only a wrapper around a snap and does not work in a container. Debian's chromium is
# a real package; its old headless shell (/usr/bin/chromium-headless-shell) is what the PDF feature
# drives through Playwright: three times as fast as the whole browser (ADR 072).
# The .NET runtime in Microsoft's images is the portable Linux build, so it runs on Debian 12.
# ---------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet-runtime

FROM debian:bookworm-slim AS runtime

ENV APP_UID=1654 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Storage__DataDirectory=/data \
    Pdf__ChromiumPath=/usr/bin/chromium-headless-shell

# - libc6 .. zlib1g, tzdata, ca-certificates: what .NET needs (the list of Microsoft's
#   runtime-deps image for Debian 12). ICU stays: the app runs in nl-NL, so no InvariantGlobalization.
# - chromium-headless-shell + fonts: HTML-to-PDF rendering (Infrastructure/Pdf); fonts so text does not fall back to boxes.
# - curl: the HEALTHCHECK below.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        libc6 \
        libgcc-s1 \
        libicu72 \
        libssl3 \
        libstdc++6 \
        tzdata \
        zlib1g \
        chromium-headless-shell \
        fonts-dejavu-core \
        fonts-liberation \
        curl \
    && rm -rf /var/lib/apt/lists/*

COPY --from=dotnet-runtime /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# A non-root user (same UID as Microsoft's images) that owns the data folder: the SQLite database,
# logs, data-protection keys and mail files live there. A named volume takes this ownership over.
RUN groupadd --gid=$APP_UID app \
    && useradd --no-log-init --uid=$APP_UID --gid=$APP_UID --create-home app \
    && mkdir -p /data \
    && chown app:app /data

WORKDIR /app
COPY --from=build /app ./

USER $APP_UID
VOLUME /data
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error --output /dev/null http://localhost:8080/health || exit 1

ENTRYPOINT ["dotnet", "Zout.Basisondersteuning.Web.dll"]
