fn main() {
    std::process::exit(tuoyu_publish::cli::run());
}
