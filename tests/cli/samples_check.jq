# Compare the exported articles of samples/ ($got) with
# tests/data/samples_expected.jsonl ($want), both slurped arrays. WARC
# expectations name the Nth article page of the file ("#N"); the export
# names the Nth record, so WARC articles are numbered again in record order.
def recno: .path | capture("#(?<n>[0-9]+)$").n | tonumber;
def base: .path | sub("#[0-9]+$"; "");
def iswarc: .path | test("\\.warc(\\.gz)?#");
def ws: gsub("\\s+"; " ");
$got[0] as $got | $want[0] as $want
| ($got | map(select(iswarc)) | group_by(base)
  | map(sort_by(recno) | to_entries
        | map(.value + {key: ((.value | base) + "#" + ((.key + 1) | tostring))}))
  | add // []) as $warc
| (($got | map(select(iswarc | not)) | map(. + {key: .path})) + $warc
   | map({key: .key, value: .}) | from_entries) as $by
| [ $want[] as $w
    | $by[$w.path] as $a
    | if $a == null then {path: $w.path, check: "stored", ok: false, got: null, want: "an article"}
      else
        ( ("title", "published", "dateline", "byline", "outlet") as $f
          | {path: $w.path, check: $f, ok: (($a[$f] // null) == ($w[$f] // null)), got: $a[$f], want: $w[$f]} ),
        ( $w.with[] as $s | {path: $w.path, check: "with", ok: (($a.text | ws) | contains($s | ws)), want: $s} ),
        ( $w.without[] as $s | {path: $w.path, check: "without", ok: ((($a.text | ws) | contains($s | ws)) | not), want: $s} )
      end ]
