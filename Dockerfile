# Multi-stage build: compile with the full toolchain, run on a slim image.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY migrations ./migrations
COPY locales ./locales
# The workspace manifest names crates/discord-sim (the test simulator); cargo needs it present,
# and the default `demo` feature builds it into the binary (`steward demo` works in the image).
COPY crates ./crates
# Cargo.toml declares the vote_burst bench; cargo refuses the manifest if its file is missing.
COPY benches ./benches
RUN cargo build --release --locked --bin steward

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /data steward \
    && mkdir -p /data /backups && chown steward /data /backups
COPY --from=build /src/target/release/steward /usr/local/bin/steward
USER steward
WORKDIR /data
ENV DATABASE_URL=sqlite:///data/steward.db
ENTRYPOINT ["/usr/local/bin/steward"]
