module github.com/sesame-sh/sesame

go 1.26
