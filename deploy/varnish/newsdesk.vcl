# Varnish in front of Newsdesk (Varnish 6/7). Newsdesk marks every cacheable response with
# Surrogate-Key (its cache tags, space-separated) and, with CDN_PURGE=varnish and
# CDN_PURGE_URL=http://<this varnish>/, sends PURGE requests naming the keys a change
# touched; this VCL turns them into bans on exactly those keys. Only the addresses in the
# "purgers" ACL may purge.
vcl 4.1;

backend newsdesk {
  .host = "127.0.0.1";
  .port = "3000";
}

acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "PURGE") {
    if (!client.ip ~ purgers) {
      return (synth(403, "Not allowed to purge"));
    }
    if (req.http.X-Purge-All) {
      ban("obj.status != 0");
      return (synth(200, "Purged everything"));
    }
    if (!req.http.Surrogate-Key) {
      return (synth(400, "Surrogate-Key required"));
    }
    # "article:12 list" becomes a ban on objects whose keys include article:12 or list.
    ban("obj.http.Surrogate-Key ~ (^|\s)(" + regsuball(req.http.Surrogate-Key, "\s+", "|") + ")(\s|$)");
    return (synth(200, "Purged"));
  }
  # The newsroom, reader accounts and comment actions are per person: never cached here.
  if (req.url ~ "^/(admin|account|comments)(/|$)" || req.url ~ "^/articles/[0-9]+/comments" || req.url ~ "^/preview/") {
    return (pass);
  }
}

sub vcl_backend_response {
  # Keep Surrogate-Key on the object (bans match it); clients need not see it.
  set beresp.grace = 1h;
}

sub vcl_deliver {
  unset resp.http.Surrogate-Key;
  if (obj.hits > 0) {
    set resp.http.X-Varnish-Cache = "HIT";
  } else {
    set resp.http.X-Varnish-Cache = "MISS";
  }
}
