"""Plots: the matplotlib figures shared by the notebook and the HTML report.

Every function returns a :class:`matplotlib.figure.Figure` built without pyplot, so it
works headless (reports, tests) and displays in Jupyter (``%matplotlib inline``) alike,
and leaves no global figure state behind. Pass ``ax`` to draw into an existing axes.
"""

from __future__ import annotations

import base64
import io
import math
import textwrap
import warnings
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from actorgraph.result import Result

ColorBy = Literal["type", "country", "sector"]

# Colour-blind-safe qualitative palette (Okabe-Ito, then Tableau for more categories).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#332288", "#88CCEE", "#44AA99", "#AA4499", "#882255"]
OTHER_COLOUR = "#9E9E9E"
# Actor types keep one colour in every figure.
TYPE_COLOURS = {
    "COUNTRY": "#0072B2", "PERSON": "#CC79A7", "ORG": "#009E73", "IGO": "#E69F00",
    "PLACE": "#56B4E9", "GROUP": "#D55E00", "NORP": "#F0E442", "EVENT": "#332288",
}
QUAD_COLOURS = {
    "verbal cooperation": "#56B4E9",
    "material cooperation": "#0072B2",
    "verbal conflict": "#E69F00",
    "material conflict": "#D55E00",
    "(none)": "#BDBDBD",
}


def _figure(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def _empty(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="#555555",
            transform=ax.transAxes)
    ax.set_axis_off()


def _categories(values: list[str], limit: int = 10, *, attr: str = "",
                weights: list[float] | None = None) -> dict[str, str]:
    """A colour per category: the ``limit`` heaviest (most frequent) get their own, the rest "other"."""
    counts = pd.Series(weights if weights is not None else [1] * len(values), index=values,
                       dtype="float64").groupby(level=0).sum().sort_values(ascending=False, kind="stable")
    top = [v for v in counts.index if v not in ("", "other")][:limit]
    if attr == "type":
        free = [c for c in PALETTE if c not in TYPE_COLOURS.values()]
        unknown = sorted(v for v in top if v not in TYPE_COLOURS)
        extra = {v: free[i % len(free)] for i, v in enumerate(unknown)}
        return {v: TYPE_COLOURS.get(v) or extra[v] for v in top}
    return {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(sorted(top))}


def to_png(fig: Figure, *, dpi: int = 110) -> bytes:
    """The figure as PNG bytes."""
    buf = io.BytesIO()
    with warnings.catch_warnings():
        # Names in scripts the bundled font lacks draw as boxes; a warning per glyph helps no one.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
        fig.savefig(buf, format="png", dpi=dpi, facecolor="white")
    return buf.getvalue()


def to_data_uri(fig: Figure, *, dpi: int = 110) -> str:
    """The figure as a ``data:image/png;base64,...`` URI (for self-contained HTML)."""
    return "data:image/png;base64," + base64.b64encode(to_png(fig, dpi=dpi)).decode("ascii")


def layout(graph: Any, *, seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Node positions: each connected component laid out on its own, then packed in rows.

    A single spring layout flings small components to the edges and crushes the big one
    in the middle; laying them out apart keeps every label readable.
    """
    import networkx as nx

    undirected = graph.to_undirected()
    components = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(map(str, c))))
    boxes = []
    for nodes in components:
        sub = undirected.subgraph(nodes)
        n = len(nodes)
        radius = 0.75 * math.sqrt(n)  # area grows with the node count
        if n == 1:
            local = {next(iter(nodes)): (0.0, 0.0)}
        else:
            local = nx.spring_layout(sub, k=2.5 / math.sqrt(n), iterations=300, seed=seed, weight=None,
                                     scale=radius)
            if n > 3:
                # Kamada-Kawai spaces nodes by graph distance, which keeps dense cores legible;
                # it needs scipy (a dependency of datasketch), hence the spring fallback.
                try:
                    local = nx.kamada_kawai_layout(sub, pos=local, weight=None, scale=radius)
                except ImportError:  # pragma: no cover - scipy is normally there
                    pass
        boxes.append((radius, local))
    # Shelf packing: components in rows, each in its own box, the whole about 3:2 wide.
    sized = []
    for _radius, local in boxes:
        xs = [float(x) for x, _ in local.values()]
        ys = [float(y) for _, y in local.values()]
        sized.append((max(xs) - min(xs) + 1.6, max(ys) - min(ys) + 1.0, min(xs), max(ys), local))
    row_width = max(max(w for w, *_ in sized), math.sqrt(sum(w * h for w, h, *_ in sized) * 1.5))
    pos: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for width, height, left, top, local in sized:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, (px, py) in local.items():
            pos[node] = (x + 0.8 + float(px) - left, y - 0.5 - (top - float(py)))
        x += width
        row_height = max(row_height, height)
    return pos


def plot_network(source: Result | Any, *, color_by: ColorBy = "type", top_n: int | None = 40,
                 min_weight: int = 1, include_cooccurrence: bool = True, n_labels: int = 40,
                 seed: int = 7, title: str | None = None, ax: Axes | None = None) -> Figure:
    """The actor network: node size by mentions, colour by type (or country), edge width by weight.

    Args:
        source: a :class:`~actorgraph.result.Result` or a graph from ``Result.network()``.
        color_by: the node attribute that picks the colour.
        top_n: draw only the ``top_n`` most mentioned actors (``None``: all) so the picture
            stays readable.
        min_weight, include_cooccurrence: passed to ``Result.network`` for a Result.
        n_labels: label the ``n_labels`` largest nodes.
        seed: layout seed, so the same data gives the same picture.
    """
    import networkx as nx
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if isinstance(source, nx.Graph):
        graph = source
    else:
        graph = source.network(min_weight=min_weight, include_cooccurrence=include_cooccurrence)
    fig, ax = _figure(ax, (12, 9))
    if graph.number_of_nodes() == 0:
        _empty(ax, "No relations to draw")
        return fig

    def mentions(node: str) -> int:
        return int(graph.nodes[node].get("n_mentions", 0) or 0)

    nodes = sorted(graph.nodes, key=lambda n: (-mentions(n), -graph.degree(n), str(n)))
    if top_n is not None and len(nodes) > top_n:
        graph = graph.subgraph(nodes[:top_n]).copy()
        graph.remove_nodes_from([n for n in list(graph.nodes) if graph.degree(n) == 0])
        nodes = [n for n in nodes if n in graph]
    if graph.number_of_nodes() == 0:
        _empty(ax, "No relations among the most mentioned actors")
        return fig
    pos = layout(graph, seed=seed)

    values = [str(graph.nodes[v].get(color_by, "") or "") for v in graph.nodes]
    colours = _categories(values, limit=12, attr=color_by,
                          weights=[max(mentions(v), 1) for v in graph.nodes])
    node_colours = [colours.get(v, OTHER_COLOUR) for v in values]
    biggest = max(mentions(v) for v in graph.nodes) or 1
    sizes = [80 + 900 * math.sqrt(max(mentions(v), 1) / biggest) for v in graph.nodes]

    weights = [d.get("weight", 1) or 1 for _, _, d in graph.edges(data=True)]
    top_weight = max(weights) if weights else 1
    for directed, style, colour, alpha in ((False, "dashed", "#9E9E9E", 0.55), (True, "solid", "#37474F", 0.8)):
        edgelist = [(u, v) for u, v, d in graph.edges(data=True) if bool(d.get("directed", True)) is directed]
        if not edgelist:
            continue
        widths = [0.8 + 4.0 * (graph.edges[e].get("weight", 1) or 1) / top_weight for e in edgelist]
        extra: dict[str, Any] = {"arrowsize": 12, "connectionstyle": "arc3,rad=0.06",
                                 "node_size": sizes} if directed else {}
        nx.draw_networkx_edges(graph, pos, edgelist=edgelist, width=widths, style=style, edge_color=colour,
                               alpha=alpha, ax=ax, arrows=directed, **extra)
    nx.draw_networkx_nodes(graph, pos, node_size=sizes, node_color=node_colours, edgecolors="white",
                           linewidths=1.2, ax=ax)
    labelled = nodes[:n_labels]
    # Long names wrap onto two lines so they cover fewer neighbours.
    labels = {v: textwrap.fill(str(graph.nodes[v].get("label") or graph.nodes[v].get("name") or v), 20)
              for v in labelled}
    nx.draw_networkx_labels(graph, pos, labels=labels, font_size=9, ax=ax,
                            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.75})

    handles: list[Any] = [Patch(facecolor=c, label=k) for k, c in sorted(colours.items())]
    if any(c == OTHER_COLOUR for c in node_colours):
        handles.append(Patch(facecolor=OTHER_COLOUR, label="other / unknown"))
    styles = {bool(d.get("directed", True)) for _, _, d in graph.edges(data=True)}
    if True in styles:
        handles.append(Line2D([], [], color="#37474F", lw=2, label="directed relation"))
    if False in styles:
        handles.append(Line2D([], [], color="#9E9E9E", lw=2, ls="--", label="co-occurrence only"))
    ax.legend(handles=handles, title=f"{color_by} (node size: mentions; line width: stories)",
              loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, title_fontsize=9, frameon=False)
    shown = f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} links"
    ax.set_title(title or f"Actor network ({shown})", fontsize=13)
    ax.set_axis_off()
    ax.margins(0.08)
    return fig


def plot_timeline(source: Result | pd.DataFrame, *, freq: str = "M", by: str = "quad_class",
                  trim: float = 0.01, title: str | None = None, ax: Axes | None = None) -> Figure:
    """Relations per period as stacked bars, one colour per ``by`` value (quad class, event type...).

    ``source`` is a Result or a table from ``Result.timeline``. With more than 24 periods,
    the outlying periods holding the first and last ``trim`` share of the relations are
    left out (the axis label says how many relations); ``trim=0`` shows everything.
    """
    table = source if isinstance(source, pd.DataFrame) else source.timeline(freq, by=by)
    fig, ax = _figure(ax, (11, 5))
    if table.empty or int(table.to_numpy().sum()) == 0:
        _empty(ax, "No dated relations")
        return fig
    left_out = 0
    if trim and len(table) > 24:
        # A few far-off dates (history recalled in a story) would squeeze the busy years into
        # a corner: show the span holding all but ``trim`` of the relations at each end.
        totals = table.sum(axis=1)
        share = totals.cumsum() / totals.sum()
        first = int((share > trim).to_numpy().argmax())
        last = int((share >= 1 - trim).to_numpy().argmax())
        left_out = int(totals.iloc[:first].sum() + totals.iloc[last + 1:].sum())
        table = table.iloc[first:last + 1]
    step = str(freq).upper().lstrip("0123456789")[:1]
    fmt = {"Y": "%Y", "A": "%Y", "Q": "%Y-%m", "M": "%Y-%m"}.get(step, "%Y-%m-%d")
    index = pd.DatetimeIndex(table.index)
    labels = [f"{d.year} Q{(d.month - 1) // 3 + 1}" if step == "Q" else d.strftime(fmt) for d in index]
    # Most frequent values first, "(none)" last, so the legend reads from the important ones.
    order = [c for c in table.sum().sort_values(ascending=False).index if c != "(none)"]
    order += [c for c in table.columns if c == "(none)"]
    bottom = [0] * len(table)
    others = [c for c in order if c not in QUAD_COLOURS]
    palette = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(sorted(others))}
    positions = list(range(len(table)))
    for col in order:
        values = table[col].tolist()
        ax.bar(positions, values, bottom=bottom, label=str(col), width=0.8,
               color=QUAD_COLOURS.get(col, palette.get(col, OTHER_COLOUR)), edgecolor="white", linewidth=0.5)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    every = max(1, math.ceil(len(labels) / 14))
    ax.set_xticks(positions[::every], labels[::every], rotation=45 if every > 1 or len(labels) > 8 else 0,
                  ha="right" if len(labels) > 8 else "center")
    period = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "A": "year"}.get(step, step)
    note = f" ({left_out} relations outside this span not shown)" if left_out else ""
    ax.set_xlabel(f"{period} of the relation's date{note}")
    ax.set_ylabel("relations")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(title=by.replace("_", " "), loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9,
              frameon=False)
    ax.set_title(title or f"Relations per {period}, by {by.replace('_', ' ')}", fontsize=13)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def plot_top_actors(result: Result, *, n: int = 15, color_by: ColorBy = "type",
                    title: str | None = None, ax: Axes | None = None) -> Figure:
    """The ``n`` most mentioned actors as horizontal bars, coloured by type (or country)."""
    from matplotlib.patches import Patch

    fig, ax = _figure(ax, (10, max(3.0, 0.38 * n + 1.2)))
    actors = result.actors
    if actors.empty:
        _empty(ax, "No actors")
        return fig
    top = actors.sort_values(["n_mentions", "name"], ascending=[False, True]).head(n).iloc[::-1]
    values = top[color_by].astype("string").fillna("").tolist()
    colours = _categories(actors[color_by].astype("string").fillna("").tolist(), limit=10, attr=color_by)
    ax.barh(top["name"].astype(str), top["n_mentions"].fillna(0).astype(int),
            color=[colours.get(v, OTHER_COLOUR) for v in values])
    ax.set_xlabel("mentions")
    ax.set_ylabel("actor")
    ax.xaxis.get_major_locator().set_params(integer=True)
    used = sorted(set(values) & set(colours))
    handles = [Patch(facecolor=colours[v], label=v) for v in used]
    if any(v not in colours for v in values):
        handles.append(Patch(facecolor=OTHER_COLOUR, label="other / unknown"))
    ax.legend(handles=handles, title=color_by, loc="lower right", fontsize=9, frameon=False)
    ax.set_title(title or f"Top {len(top)} actors by mentions", fontsize=13)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def plot_country_matrix(source: Result | pd.DataFrame, *, max_countries: int = 20,
                        include_cooccurrence: bool = False, title: str | None = None,
                        ax: Axes | None = None) -> Figure:
    """The country × country matrix as a heat map with the counts written in the cells.

    ``source`` is a Result or a table from :func:`actorgraph.graph.country_matrix`; only
    the ``max_countries`` most involved countries are shown.
    """
    from actorgraph.graph import country_matrix

    table = source if isinstance(source, pd.DataFrame) else country_matrix(
        source, include_cooccurrence=include_cooccurrence)
    size = min(max(len(table), 4), max_countries)
    fig, ax = _figure(ax, (2.5 + 0.45 * size, 1.8 + 0.42 * size))
    if table.empty or int(table.to_numpy().sum()) == 0:
        _empty(ax, "No relations between actors of two countries")
        return fig
    involvement = table.sum(axis=0) + table.sum(axis=1)
    keep = involvement.sort_values(ascending=False).index[:max_countries]
    keep = sorted(keep)
    table = table.reindex(index=keep, columns=keep, fill_value=0)
    image = ax.imshow(table.to_numpy(), cmap="Blues", vmin=0, aspect="equal")
    ax.set_xticks(range(len(keep)), keep, rotation=90, fontsize=9)
    ax.set_yticks(range(len(keep)), keep, fontsize=9)
    top = table.to_numpy().max() or 1
    for i in range(len(keep)):
        for j in range(len(keep)):
            value = int(table.iat[i, j])
            if value:
                ax.text(j, i, str(value), ha="center", va="center", fontsize=8,
                        color="white" if value > top / 2 else "#0D2A4A")
    ax.set_xlabel(table.columns.name or "target country")
    ax.set_ylabel(table.index.name or "source country")
    from matplotlib.ticker import MaxNLocator

    bar = fig.colorbar(image, ax=ax, label="relations", shrink=0.8)
    bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title or "Relations between countries' actors", fontsize=12)
    return fig
