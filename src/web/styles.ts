/**
 * The one stylesheet (served from /assets/radar.css so the CSP needs no inline style). System
 * fonts, no images; colours meet WCAG AA contrast in light and dark schemes; states are also
 * written in words, never shown by colour alone.
 */
export const STYLESHEET = `
:root{color-scheme:light dark;--bg:#fbfbfa;--fg:#1b1d21;--muted:#545a63;--line:#d9dce1;--card:#fff;--accent:#0b57c4;--chip:#eef2f8;--bad:#a1260d;--badbg:#fdeceb;--ok:#1d6b2f;--okbg:#e8f4ea;--warn:#7a5200;--warnbg:#fdf3dc}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e8eaed;--muted:#a9b0ba;--line:#343941;--card:#1d2024;--accent:#8ab4f8;--chip:#262b33;--bad:#ffb4a6;--badbg:#3a1d19;--ok:#93d6a0;--okbg:#1b3020;--warn:#f2c56b;--warnbg:#33290f}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,main:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5rem 1rem;z-index:1}
.skip:focus{left:.5rem}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;padding:.75rem 1rem;border-bottom:1px solid var(--line);background:var(--card)}
.brand{font-weight:700;font-size:1.1rem;color:var(--fg);text-decoration:none}
.top ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
.top a[aria-current=page]{font-weight:700;color:var(--fg);text-decoration-thickness:3px}
main{max-width:68rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.1rem;margin:0 0 .25rem;line-height:1.35}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin-bottom:1rem}
.filters label{display:flex;flex-direction:column;font-size:.9rem;color:var(--muted);gap:.2rem}
.filters input,.filters select{font:inherit;padding:.4rem .5rem;border:1px solid var(--muted);border-radius:4px;background:var(--card);color:var(--fg);min-width:12rem}
button{font:inherit;padding:.45rem 1rem;border:0;border-radius:4px;background:var(--accent);color:var(--bg);cursor:pointer}
.note{color:var(--muted);margin:.25rem 0 1rem}
.cards{list-style:none;margin:0;padding:0}
.cards>li{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.85rem 1rem;margin-bottom:.75rem}
.meta{color:var(--muted);font-size:.9rem;margin:0 0 .35rem}
.summary{margin:.25rem 0 .5rem}
.chips{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;margin:0;padding:0}
.chips a,.chips span{display:inline-block;background:var(--chip);color:var(--fg);border-radius:999px;padding:.05rem .6rem;font-size:.85rem;text-decoration:none;border:1px solid var(--line)}
.chips a:hover{text-decoration:underline}
.pager{display:flex;justify-content:space-between;margin:1rem 0}
.why dt{font-weight:600;margin-top:.35rem}
.why dd{margin:0 0 0 1rem;color:var(--muted)}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:var(--card);font-size:.93rem}
th,td{text-align:left;vertical-align:top;padding:.5rem .6rem;border-bottom:1px solid var(--line)}
th{font-weight:600;white-space:nowrap}
td.num{text-align:right}
td.err{overflow-wrap:anywhere;min-width:12rem}
.definition{color:var(--muted)}
.state{display:inline-block;font-weight:600;border-radius:4px;padding:0 .4rem;white-space:nowrap}
.state-failing{color:var(--bad);background:var(--badbg)}
.state-ok{color:var(--ok);background:var(--okbg)}
.state-new,.state-disabled{color:var(--warn);background:var(--warnbg)}
.topics{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.75rem;list-style:none;margin:0;padding:0}
.topics>li{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.85rem 1rem}
.topics p{margin:.25rem 0;font-size:.92rem}
.chart{width:100%;height:auto;display:block;margin:.5rem 0}
.chart .bar{fill:var(--accent)}
.chart .axis{stroke:var(--line)}
.chart text{fill:var(--muted);font-size:9px;font-family:inherit}
.links{display:flex;flex-wrap:wrap;gap:.75rem;font-size:.9rem}
.signin{max-width:24rem}
.signin label{display:block;margin-bottom:.25rem}
.signin input{font:inherit;width:100%;padding:.45rem;margin-bottom:.75rem;border:1px solid var(--muted);border-radius:4px;background:var(--card);color:var(--fg)}
.error{color:var(--bad);font-weight:600}
.foot{max-width:68rem;margin:1rem auto;padding:0 1rem 2rem;color:var(--muted);font-size:.85rem}
@media (max-width:40rem){main{padding:.75rem}
.sources thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.sources,.sources tbody,.sources tr,.sources th,.sources td{display:block;width:100%}
.sources tr{border-bottom:1px solid var(--line);padding:.4rem 0}
.sources th,.sources td{border:0;padding:.15rem .6rem;text-align:left}
.sources td.num{text-align:left}
.sources td::before{content:attr(data-label) ": ";color:var(--muted);font-size:.85rem}.filters input,.filters select{min-width:0;width:100%}.filters label{flex:1 1 100%}h1{font-size:1.3rem}th,td{padding:.4rem}}
`.trim();


/** The page icon: a radar sweep, drawn in SVG (no image files in the repository). */
export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#0b57c4"/><circle cx="16" cy="16" r="9" fill="none" stroke="#fff" stroke-width="2"/><path d="M16 16 L26 6" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="16" cy="16" r="2.5" fill="#fff"/></svg>';
