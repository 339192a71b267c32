//! Pretty JSON in which a whole number stays whole: the model keeps fees as `f64`, and
//! serde_json would write a fee of 1600 as `1600.0`, which publishers read as a change
//! and diffs of hand-written files would flag.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

struct WholeNumbers<'a>(PrettyFormatter<'a>);

impl Formatter for WholeNumbers<'_> {
    fn write_f64<W: ?Sized + io::Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        // Below 2^53 every whole f64 is exactly an integer, so nothing is rounded.
        if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
            write!(w, "{}", value as i64)
        } else {
            self.0.write_f64(w, value)
        }
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Two-space indented JSON with a final newline.
pub fn pretty<T: Serialize>(value: &T) -> Result<String, String> {
    let mut out = Vec::new();
    let mut ser =
        serde_json::Serializer::with_formatter(&mut out, WholeNumbers(PrettyFormatter::new()));
    value
        .serialize(&mut ser)
        .map_err(|e| format!("无法生成 JSON：{e}"))?;
    out.push(b'\n');
    String::from_utf8(out).map_err(|e| format!("无法生成 JSON：{e}"))
}
