"""`fracas watch`: poll feeds, ingest what is new, remember it in the store (see poll.py)."""

from fracas.watch.poll import FeedPoller, read_feed_list, watch

__all__ = ["FeedPoller", "read_feed_list", "watch"]
