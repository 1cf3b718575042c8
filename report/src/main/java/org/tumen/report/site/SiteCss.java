package org.tumen.report.site;

/**
 * The site's two stylesheets: the screen one (readable on a phone: one column, fluid charts, tables
 * that scroll on their own; contrast at least 4.5:1 for text) and the print one (the article alone:
 * no header, tools, related stories or editions).
 */
final class SiteCss {
  private SiteCss() {}

  static final String SCREEN =
      String.join(
          "\n",
          "*{box-sizing:border-box}",
          "body{margin:0;font:17px/1.6 system-ui,-apple-system,'Segoe UI','Noto Sans','NanumGothic','Noto Sans CJK KR','Noto Sans CJK SC',sans-serif;color:#1c2530;background:#fff}",
          "a{color:#0b4f8a}a:focus{outline:3px solid #b7791f;outline-offset:2px}",
          ".skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px}",
          "header.site,footer.site{background:#0f2a44;color:#fff;padding:10px 16px}",
          "header.site a{color:#fff}header.site .name{font-weight:bold;text-decoration:none;margin-right:1em}",
          "nav.editions{display:inline-block}nav.editions ul{list-style:none;margin:0;padding:0;display:inline}",
          "nav.editions li{display:inline;margin-right:.8em}nav.editions a[aria-current]{font-weight:bold}",
          "footer.site{margin-top:3em;font-size:.9em}",
          "main{max-width:46rem;margin:0 auto;padding:16px}",
          "h1{font-size:1.8em;line-height:1.25;margin:.4em 0}h2{font-size:1.3em;margin-top:1.6em}",
          ".synthetic{background:#fff4d6;border:1px solid #b7791f;margin:0;padding:8px 16px;color:#3d2a00}",
          ".dateline,.meta,figcaption,.note{color:#4a5563;font-size:.92em}.dateline .place{text-transform:uppercase;font-weight:bold}",
          ".kicker{text-transform:uppercase;color:#8a2d1b;font-weight:bold;margin-bottom:0}",
          "ul.summary{border-left:4px solid #0b4f8a;padding-left:1.4em;font-weight:500}",
          ".teaser{border-bottom:1px solid #dde2e8;padding-bottom:.6em}",
          ".scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.95em}",
          "th,td{padding:4px 8px;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}",
          "caption{text-align:left;color:#4a5563;font-size:.9em;padding:4px 0}.n{text-align:right;white-space:nowrap}",
          "figure{margin:1em 0}figure svg{max-width:100%;height:auto}",
          "blockquote{margin:0;padding:.4em 1em;border-left:4px solid #0b4f8a;background:#f3f6f9}",
          ".tools,.related{border-top:2px solid #0f2a44;margin-top:2em}.tools ul,.related ul{padding-left:1.2em}",
          ".tools code{word-break:break-all;font-size:.85em}",
          ".model{word-break:break-all;font-family:monospace}",
          "@media (max-width:480px){body{font-size:16px}h1{font-size:1.5em}main{padding:12px}}");

  static final String PRINT =
      String.join(
          "\n",
          "body{font:11pt/1.5 Georgia,'Noto Serif','NanumMyeongjo',serif;color:#000;background:#fff;margin:0}",
          "main{max-width:none;margin:0;padding:0 1cm}",
          "header.site,footer.site,.tools,.related,.skip,nav,.screen-only{display:none}",
          ".synthetic{border:1px solid #000;padding:4px 8px;font-weight:bold}",
          "a{color:#000;text-decoration:none}",
          "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #999;padding:2px 6px;text-align:left}",
          ".n{text-align:right}figure svg{max-width:100%;height:auto}",
          "blockquote{margin:0 0 0 1em;padding-left:1em;border-left:2px solid #000}",
          "@page{margin:2cm}");
}
